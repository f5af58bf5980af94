<!-- include start from syslog-facility.xml.i -->
<node name="nht">
  <properties>
    <help>Filter Next Hop tracking route resolution</help>
  </properties>
  <children>
    <leafNode name="no-resolve-via-default">
      <properties>
        <help>Do not resolve via default route</help>
        <valueless/>
      </properties>
    </leafNode>
  </children>
</node>
<!-- include end -->
