<!-- include start from bgp/afi-ipv6-nexthop-local.xml.i -->
    <node name="nexthop-local">
      <properties>
        <help>Nexthop attributes</help>
      </properties>
      <children>
        <leafNode name="unchanged">
          <properties>
            <help>Leave link-local nexthop unchanged for this peer</help>
            <valueless/>
          </properties>
        </leafNode>
      </children>
    </node>
<!-- include end -->
