<!-- include start from bgp/neighbor-override-capability.xml.i -->
<leafNode name="override-capability">
  <properties>
    <help>Ignore capability negotiation with specified neighbor</help>
    <valueless/>
  </properties>
</leafNode>
<!-- include end -->
